"""The MCP prompt that walks a model through scheduling: understand, preview, confirm, create."""

from __future__ import annotations

import mcp_types as types

SCHEDULE_JOB = types.Prompt(
    name="schedule_job",
    title="Schedule a job",
    description="Turn a request like 'check the deploy dashboard every weekday at 9 and tell me "
    "in #ops if anything is red' into an agentcron job, confirmed by the user before it is "
    "saved.",
    arguments=[
        types.PromptArgument(
            name="request", description="What the user wants done, and when.", required=True
        ),
        types.PromptArgument(
            name="timezone",
            description="The user's IANA time zone, e.g. 'Europe/Berlin' (default: ask).",
            required=False,
        ),
    ],
)
PROMPTS = (SCHEDULE_JOB,)

STEPS = """\
Schedule this with agentcron: "{request}"

Work through these steps, using the agentcron tools:

1. Understand. Call parse_schedule with the request{zone_hint}. It returns the schedule, how it
   reads (human_readable), the next runs, notes, and the task and target when the sentence says
   them. If it refuses the phrase, tell the user why (and its suggestion) and ask what they
   meant; never guess a time.
2. Preview. Call preview_schedule with the schedule document you got, to see the next runs
   and any notes about daylight-saving changes.
3. Confirm. Show the user, in a few lines: what will run (the goal, in your words), when
   (human_readable and the next 3 runs in their time zone), where the result goes (a Slack
   channel as 'slack:#channel', or a webhook), and every note. Ask them to confirm or correct.
   Do not create anything before they say yes.
4. Create. Call create_job with the confirmed schedule document (not the words), a goal
   written as an instruction for the agent, a short name, delivery.channel when a target was
   named, and an idempotency_key so a retry cannot make a second job.
5. Report the job's id and its next run. Mention that it can be run now (trigger_job),
   paused (pause_job) or changed (update_job).
"""


def render_prompt(name: str, arguments: dict[str, str]) -> types.GetPromptResult | None:
    if name != SCHEDULE_JOB.name:
        return None
    request = (arguments.get("request") or "").strip() or "(ask the user what to schedule)"
    zone = (arguments.get("timezone") or "").strip()
    zone_hint = f" and timezone '{zone}'" if zone else " and the user's time zone (ask if unknown)"
    return types.GetPromptResult(
        description=SCHEDULE_JOB.description,
        messages=[
            types.PromptMessage(
                role="user",
                content=types.TextContent(
                    type="text", text=STEPS.format(request=request, zone_hint=zone_hint)
                ),
            )
        ],
    )
