-- wrk-post.lua - wrk script for bench/run.sh: POST a small chat completion
-- request (the body comes from $BENCH_BODY) on kept-alive connections, and
-- print one machine-readable result line at the end.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY") or
	'{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello."}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-bench-0000"

function done(summary, latency, requests)
	io.write(string.format(
		"WRKRESULT requests=%d duration_us=%d bytes=%d err_connect=%d err_read=%d " ..
		"err_write=%d err_status=%d err_timeout=%d lat_p50_us=%d lat_p90_us=%d " ..
		"lat_p99_us=%d lat_max_us=%d lat_mean_us=%.1f\n",
		summary.requests, summary.duration, summary.bytes, summary.errors.connect,
		summary.errors.read, summary.errors.write, summary.errors.status,
		summary.errors.timeout, latency:percentile(50), latency:percentile(90),
		latency:percentile(99), latency.max, latency.mean))
end
