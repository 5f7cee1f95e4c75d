"""The WhatsApp channel (Business Cloud API): webhook bodies in, interactive messages out.

The pieces here are pure or thin: checking a webhook's signature (`signature`), splitting a
body into items (`wire`), items to engine events (`convert`), stored replies to request bodies
(`render`) and the Graph API client (`client`). See docs/whatsapp.md.
"""

__all__: list[str] = []
