"""The data every stage shares: the case file (pydantic), dates, the document tree, the
diagnostics, and the few words the engine prints. Imports nothing above it but the treaty
data (toolkit/covenant/), which the case file validates provisions against."""
