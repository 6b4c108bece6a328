"""Machine translation into English: the backend seam, the on-disk cache and the cached translator."""
