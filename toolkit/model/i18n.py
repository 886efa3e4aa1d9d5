"""The few words the engine itself prints, by language. Standard wording lives in the
templates; these are labels for cross-references and the like.

Size: one table of the words the engine itself prints; the kinds' wording is in
templates/."""

from __future__ import annotations

# "footer_page": the communication's page footer ("page 2 of 16"), which begins a line:
# the Russian abbreviation is capitalised there («Стр. 2 из 16»).
WORDS: dict[str, dict[str, str]] = {
    "en": {"para": "para", "paras": "paras", "section": "section", "annex": "annex",
           "page": "page", "of": "of", "contents": "Contents", "footer_page": "page"},
    "ru": {"para": "п.", "paras": "пп.", "section": "раздел", "annex": "приложение",
           "page": "стр.", "of": "из", "contents": "Содержание", "footer_page": "Стр."},
    "fr": {"para": "par.", "paras": "par.", "section": "section", "annex": "annexe",
           "page": "page", "of": "sur", "contents": "Table des matières",
           "footer_page": "page"},
    "es": {"para": "párr.", "paras": "párrs.", "section": "sección", "annex": "anexo",
           "page": "página", "of": "de", "contents": "Índice", "footer_page": "página"},
}


def word(language: str, key: str) -> str:
    return WORDS.get(language, WORDS["en"]).get(key, WORDS["en"][key])


# The regional form a document's language is tagged with (Word's spelling dictionaries and
# PDF/UA readers want one); the drafts are written for Geneva and Brussels, hence en-GB.
LANGUAGE_TAGS = {"en": "en-GB", "ru": "ru-RU", "fr": "fr-FR", "es": "es-ES"}


def language_tag(language: str) -> str:
    """"ru" -> "ru-RU"; a tag that already names a region, or an unknown language, is
    kept as given."""
    return LANGUAGE_TAGS.get(language.lower(), language) if "-" not in language else language
