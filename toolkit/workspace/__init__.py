"""The workspace: its folders, `covenant init`, atomic files, the build manifest, and the
orchestration of `check` and `build` (one document, or many in worker processes)."""
