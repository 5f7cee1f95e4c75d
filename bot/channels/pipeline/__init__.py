"""The channel-neutral pipeline: inbox, lanes, turns, outbox; channels plug in as adapters."""
