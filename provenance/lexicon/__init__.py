"""What the tool knows about languages, scripts, media and places: tables and the matching over them."""
