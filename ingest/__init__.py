"""From articles to entities and relations: readers, the spaCy pipeline, resolution and loading."""
