"""The Slack app: ``/schedule``, mentions and direct messages, the Home tab, shortcuts and
buttons, mounted at ``/slack/events`` (or over Socket Mode), installed with one token or in
many workspaces through OAuth (``/slack/install``).

routes.py (the endpoints, 404 until configured) → bolt.py (slack-bolt, listeners that only
acknowledge) → commands.py (the grammar and its use cases), actions.py (card clicks and the
Edit modal), mentions.py (events), home.py (the Home tab and the create modal). gate.py
gathers the facts that ``app.domain.slack_access`` decides on (directory.py: people and
channels from Slack); cards.py and views.py draw every answer; drafts.py is a pending
confirmation; install.py the OAuth flow and each workspace's client; tasks.py the work after
the ack.
"""
