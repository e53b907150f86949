-- POST /api/v1/appointments/holds for random free starts (file $BENCH_STARTS, one per line) of the
-- Bürgerbüro's one-slot service; every request has its own requestKey. 201 = held, 409 = taken.
local starts = {}
for line in io.lines(os.getenv("BENCH_STARTS")) do starts[#starts + 1] = line end
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
local n = 0
request = function()
  n = n + 1
  local body = string.format(
    '{"location":"rathaus-buergerbuero","service":"meldebescheinigung","start":"%s","requestKey":"wrk-%d-%d"}',
    starts[math.random(#starts)], math.random(1000000000), n)
  return wrk.format("POST", "/api/v1/appointments/holds", {["Content-Type"] = "application/json"}, body)
end
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
