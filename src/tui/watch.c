/* What a change from the UI newly breaks, for the changes made outside a
 * form (tagged records, a linked pickup, an undo): the write runs in one
 * transaction with change.h's watch around it, and the message that says it
 * is done carries the new problems, as a form or `summit set` does. */
#include "tui.h"

#include <stdarg.h>

int tui_keep_warning(const struct check_problem *p, void *ctx)
{
	struct strbuf *sb = ctx;
	strbuf_addf(sb, "%swarning: %s", sb->len ? "; " : "", p->message);
	return 0;
}

int tui_write_watched(struct tui *tui, const struct kind *kind, tui_write_fn write,
                      void *ctx, struct strbuf *warnings, struct summit_err *err)
{
	int status = db_begin(tui->db, err);
	if (status)
		return status;
	struct change_watch *watch = NULL;
	status = change_watch_start(tui->db, kind, &watch, err);
	if (!status)
		status = write(tui->db, ctx, err);
	if (!status) {
		status = change_watch_finish(watch, tui_keep_warning, warnings, err);
		watch = NULL;
	}
	change_watch_free(watch);
	return db_end(tui->db, status, err);
}

void tui_done(struct tui *tui, struct strbuf *warnings, const char *fmt, ...)
{
	char done[300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(done, sizeof done, fmt, ap);
	va_end(ap);
	if (warnings->len)
		tui_message(tui, ROLE_WARN, "%s; %s", done, warnings->buf);
	else
		tui_message(tui, ROLE_GOOD, "%s.", done);
	strbuf_free(warnings);
}
