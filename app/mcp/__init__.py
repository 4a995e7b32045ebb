"""The Model Context Protocol way in: agentcron's jobs as tools for AI assistants.

``server`` builds the MCP server (tools, a job resource, a scheduling prompt) on the
services the REST API uses; ``http`` serves it at ``/mcp`` on ``agentcron serve``;
``stdio`` serves it to an assistant that starts ``agentcron mcp`` itself.
"""
