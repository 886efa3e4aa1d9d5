"""EU dialogue briefing papers drawn from many case files: the briefing-file schema
(model), reading and checking (check), which cases go in which theme (selection), the
narrative of a case of concern (narrative) and the build (build). The document itself is
made by toolkit/kinds/briefing.py from templates/briefing/sections/."""
