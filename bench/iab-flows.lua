-- wrk script: starts scan flows (partner token from PARTNER_TOKEN) and appends each user token to
-- TOKENS_FILE, one per line, for the submission benchmark.
local counter = 0
local out = io.open(os.getenv("TOKENS_FILE"), "a")
out:setvbuf("line")
local run = os.getenv("RUN_ID")
local headers = {
  ["Content-Type"] = "application/json",
  ["Authorization"] = "Bearer " .. os.getenv("PARTNER_TOKEN"),
}

request = function()
  counter = counter + 1
  local body = string.format(
    '{"partnerUserId":"bench-user-%d","partnerUserIdType":"INTERNAL_ID","flowType":"KTP_SCAN","correlationId":"bench-%s-%d"}',
    counter, run, counter)
  return wrk.format("POST", "/v1/flows", headers, body)
end

response = function(status, headers, body)
  if status == 201 then
    local token = body:match('"userToken":"([^"]+)"')
    if token then
      out:write(token, "\n")
    end
  end
end
