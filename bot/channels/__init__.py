"""Channel adapters: translate a chat app's updates to engine events and replies back."""

__all__: list[str] = []
