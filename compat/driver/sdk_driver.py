"""Runs calls of the official OnePin Python SDK for the compatibility suite.

Reads one JSON request per line on stdin and answers one JSON line on stdout:

    {"id": 1, "auth": {"token": "op_live_…"} | {"cookie": "…", "csrf": "…"},
     "call": "workflows.create_workflow", "args": [...], "kwargs": {...},
     "models": {"definition": "WorkflowDefinitionInput"}, "max_retries": 0}

    {"id": 1, "ok": true, "type": "ApiResponseWorkflowOut", "data": {...}}
    {"id": 1, "ok": false, "error": {"type": "ParsingError", "status": 200, "body": ..., "text": "..."}}

The SDK is used as its users use it: `onepin.make_client` (what the official CLI builds),
its resource methods, its pydantic models for typed arguments. A 2xx answer the models reject
comes back as the SDK's own ParsingError, so `ok: true` means the official models accepted it.
"""

import itertools
import json
import sys
import traceback

import pydantic

import onepin
from onepin.core.pagination import SyncPager


def to_json(value):
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True)
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items()}
    return value


def client_for(base_url, auth):
    if "token" in auth:
        return onepin.make_client(base_url=base_url, token=auth["token"])
    headers = {"Cookie": auth["cookie"], "X-CSRF-Token": auth["csrf"]}
    return onepin.make_client(base_url=base_url, headers=headers)


def handle(base_url, request):
    client = client_for(base_url, request["auth"])
    method = client
    for part in request["call"].split("."):
        method = getattr(method, part)
    kwargs = dict(request.get("kwargs", {}))
    for name, model in request.get("models", {}).items():
        kwargs[name] = getattr(onepin, model).model_validate(kwargs[name])
    if "max_retries" in request:
        kwargs["request_options"] = {"max_retries": request["max_retries"]}
    result = method(*request.get("args", []), **kwargs)
    if isinstance(result, SyncPager):
        items = list(itertools.islice(result, 1000))
        return {"ok": True, "type": "SyncPager", "data": to_json(items)}
    return {"ok": True, "type": type(result).__name__, "data": to_json(result)}


def describe_error(error):
    body = getattr(error, "body", None)
    try:
        json.dumps(body)
    except (TypeError, ValueError):
        body = repr(body)
    return {
        "type": type(error).__name__,
        "status": getattr(error, "status_code", None),
        "body": body,
        "text": "".join(traceback.format_exception_only(type(error), error))[-4000:],
    }


def main():
    base_url = sys.argv[1]
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            answer = handle(base_url, request)
        except Exception as error:  # every failure is the suite's to judge
            answer = {"ok": False, "error": describe_error(error)}
        answer["id"] = request["id"]
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
