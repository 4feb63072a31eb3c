/*
 * jsonfile.c - read strict JSON configuration files: whole-file reads with
 * line/column syntax errors, "_" comment keys, unknown and duplicate key
 * checks, and typed value helpers. See jsonfile.h.
 */
#include "jsonfile.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h> /* isfinite */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Read the whole of a regular file into a NUL-terminated buffer. */
static char *read_file(const char *path, size_t *len, tg_err *err)
{
	struct stat st;
	char *buf;
	size_t n = 0;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		tg_errf(err, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		tg_errf(err, "%s: not a regular file", path);
		close(fd);
		return NULL;
	}
	if ((uint64_t)st.st_size > TG_JSON_MAX_FILE) {
		tg_errf(err, "%s: file too large (%lld bytes, at most %u)", path,
			(long long)st.st_size, TG_JSON_MAX_FILE);
		close(fd);
		return NULL;
	}
	buf = malloc((size_t)st.st_size + 1);
	if (!buf) {
		tg_errf(err, "%s: out of memory", path);
		close(fd);
		return NULL;
	}
	/* Read to EOF, but never past the size we allocated for. */
	for (;;) {
		ssize_t r = read(fd, buf + n, (size_t)st.st_size + 1 - n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			tg_errf(err, "%s: %s", path, strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > (size_t)st.st_size) {
			tg_errf(err, "%s: file changed while reading", path);
			goto fail;
		}
	}
	close(fd);
	buf[n] = 0;
	*len = n;
	return buf;
fail:
	close(fd);
	free(buf);
	return NULL;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

cJSON *tg_json_load_file(const char *path, tg_err *err)
{
	const char *end = NULL;
	size_t len, i, line = 1, col = 1;
	cJSON *root;
	char *buf;

	buf = read_file(path, &len, err);
	if (!buf)
		return NULL;
	if (memchr(buf, 0, len)) {
		tg_errf(err, "%s: file contains a NUL byte", path);
		free(buf);
		return NULL;
	}
	for (i = 0; i < len && is_space(buf[i]); i++)
		;
	if (i == len) {
		tg_errf(err, "%s: empty file (expected a JSON object)", path);
		free(buf);
		return NULL;
	}
	root = cJSON_ParseWithOpts(buf, &end, 1);
	if (!root) {
		const char *stop = end && end >= buf && end <= buf + len ? end : buf + len;
		const char *rest = stop;
		bool at_end;
		char near[24];

		while (is_space(*rest))
			rest++;
		at_end = *rest == 0;
		/* cJSON may stop just past the culprit: when it points at
		 * blank space or the end, show the last thing before it. */
		if (*stop == 0 || is_space(*stop)) {
			while (stop > buf && is_space(stop[-1]))
				stop--;
			if (stop > buf)
				stop--;
		}
		for (const char *p = buf; p < stop; p++) {
			if (*p == '\n') {
				line++;
				col = 1;
			} else {
				col++;
			}
		}
		/* A few printable characters from the error position. */
		i = 0;
		for (const char *p = stop; *p && *p != '\n' && i < sizeof(near) - 1; p++)
			near[i++] = (*p >= 0x20 && *p < 0x7f) ? *p : '?';
		near[i] = 0;
		tg_errf(err, "%s: invalid JSON at line %zu, column %zu, near '%s'%s", path,
			line, col, near, at_end ? " (at the end of the file)" : "");
	}
	free(buf);
	return root;
}

cJSON *tg_json_load_object(const char *path, const char *const *allowed, tg_err *err)
{
	cJSON *root = tg_json_load_file(path, err);

	if (!root)
		return NULL;
	if (!cJSON_IsObject(root)) {
		tg_errf(err, "%s: expected a JSON object at the top level, got %s", path,
			tg_json_type_name(root));
		cJSON_Delete(root);
		return NULL;
	}
	if (tg_json_check_keys(root, allowed, err) < 0) {
		tg_err_prefix(err, "%s", path);
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

bool tg_json_is_comment(const char *key)
{
	return key && key[0] == '_';
}

int tg_json_check_keys(const cJSON *obj, const char *const *allowed, tg_err *err)
{
	for (const cJSON *it = obj->child; it; it = it->next) {
		bool known = !allowed || tg_json_is_comment(it->string);

		for (size_t i = 0; !known && allowed && allowed[i]; i++)
			known = strcmp(it->string, allowed[i]) == 0;
		if (!known)
			return tg_errf(err, "unknown key \"%.64s\"", it->string);
		for (const cJSON *prev = obj->child; prev != it; prev = prev->next)
			if (strcmp(prev->string, it->string) == 0)
				return tg_errf(err, "duplicate key \"%.64s\"", it->string);
	}
	return 0;
}

const char *tg_json_type_name(const cJSON *item)
{
	if (!item)
		return "nothing (the key is missing)";
	if (cJSON_IsString(item))
		return "a string";
	if (cJSON_IsNumber(item))
		return "a number";
	if (cJSON_IsObject(item))
		return "an object";
	if (cJSON_IsArray(item))
		return "an array";
	if (cJSON_IsBool(item))
		return "a boolean";
	if (cJSON_IsNull(item))
		return "null";
	return "an invalid value";
}

int tg_json_uint(const cJSON *item, uint64_t min, uint64_t max, uint64_t *out, tg_err *err)
{
	double v;

	if (!cJSON_IsNumber(item))
		return tg_errf(err, "expected an integer, got %s", tg_json_type_name(item));
	v = item->valuedouble;
	if (!isfinite(v) || v < (double)min || v > (double)max)
		return tg_errf(err, "%.15g is out of range (%llu..%llu)", v,
			       (unsigned long long)min, (unsigned long long)max);
	if (v != (double)(uint64_t)v)
		return tg_errf(err, "expected an integer, got %.15g", v);
	*out = (uint64_t)v;
	return 0;
}

int tg_json_string(const cJSON *item, const char **out, tg_err *err)
{
	if (!cJSON_IsString(item) || !item->valuestring)
		return tg_errf(err, "expected a string, got %s", tg_json_type_name(item));
	*out = item->valuestring;
	return 0;
}
