-- Pictures people upload (an article's image, a leisure-bank item's photo), as the server re-encoded
-- them: only pixels, no metadata. The alt text belongs to the row that shows the image.
CREATE TABLE images (
    id            UUID PRIMARY KEY,
    content_type  TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    width         INTEGER NOT NULL CHECK (width > 0),
    height        INTEGER NOT NULL CHECK (height > 0),
    size_bytes    INTEGER NOT NULL,
    content       BYTEA NOT NULL,
    uploaded_by   UUID NOT NULL REFERENCES people (id),
    uploaded_at   TIMESTAMPTZ NOT NULL
);
