-- wrk script: POST the patient-view request of $BODY, each with the next unused JWT of $TOKENS
-- (one per line). wrk runs one Lua state per thread: thread k of n takes tokens k, k+n, ...
-- so no two requests share a token (the server refuses a replayed jti).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local n = tonumber(os.getenv("WRK_THREADS"))
  local f = assert(io.open(os.getenv("BODY"), "r"))
  wrk.body = f:read("*a")
  f:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  tokens = {}
  local i = 0
  for line in io.lines(os.getenv("TOKENS")) do
    if i % n == id then table.insert(tokens, line) end
    i = i + 1
  end
  next_token = 1
end

function request()
  local token = tokens[next_token] or "exhausted"
  next_token = next_token + 1
  return wrk.format(nil, nil, {["Authorization"] = "Bearer " .. token})
end
