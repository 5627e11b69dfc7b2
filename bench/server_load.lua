-- wrk script of bench/server_load.sh. With an ids file (`-- FILE`, one story id a line) every
-- request is GET /api/stories/{id}, each thread walking the ids from its own offset; without
-- one, wrk's own URL. done() prints one JSON line (latencies in microseconds).
local ids = {}
local next_index = 0
local threads = 0

function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

function init(args)
  if args[1] ~= nil and args[1] ~= "" then
    for line in io.lines(args[1]) do
      if line ~= "" then ids[#ids + 1] = line end
    end
  end
  if #ids > 0 then next_index = (thread_number or 0) * 97 % #ids end
end

function request()
  if #ids == 0 then return wrk.format("GET") end
  next_index = next_index % #ids + 1
  return wrk.format("GET", "/api/stories/" .. ids[next_index])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"errors_connect":%d,"errors_read":%d,' ..
    '"errors_write":%d,"errors_status":%d,"errors_timeout":%d,"latency_p50_us":%d,' ..
    '"latency_p90_us":%d,"latency_p99_us":%d,"latency_max_us":%d,"latency_mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean))
end
