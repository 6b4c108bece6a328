"""Who reported what to whom: attribution cues, the sources they name, and the citation chain."""
