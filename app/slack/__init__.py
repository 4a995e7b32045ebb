"""The Slack app: ``/schedule``, mentions and direct messages, mounted at ``/slack/events``.

routes.py (the endpoint, 404 until configured) → bolt.py (slack-bolt, listeners that only
acknowledge) → commands.py (the grammar and its use cases), actions.py (card clicks and
the Edit modal), mentions.py (events); cards.py renders every answer, drafts.py is a
pending confirmation, zones.py each user's time zone, tasks.py the work after the ack.
"""
