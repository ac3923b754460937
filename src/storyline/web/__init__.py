"""The read-only web app: server-rendered pages, a JSON API, and the shared templates."""
