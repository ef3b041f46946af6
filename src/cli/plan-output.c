/* A plan as the planners' verbs print it (plan, arrival): its changes as a
 * table (never cut), TSV or JSON, then its summary. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "summit/planner.h"

static const char *const op_names[] = {"add", "change", "remove"};

static void print_summary(FILE *out, const struct planner_plan *p)
{
	fprintf(out, "plan %s: %lld to add, %lld to change, %lld to remove\n", p->planner,
	        planner_count(p, PLANNER_ADD), planner_count(p, PLANNER_CHANGE),
	        planner_count(p, PLANNER_REMOVE));
	if (p->has_bound)
		fprintf(
		    out,
		    "quality: %.0f against a bound of %.0f, a gap of %.1f%%\n  (%s)\n",
		    p->value, p->bound, 100 * planner_gap(p), p->measure);
	for (size_t i = 0; i < p->nshort; i++)
		cli_print(out, "short: %s\n", p->shortfalls[i]);
	for (size_t i = 0; i < p->nnotes; i++)
		cli_print(out, "note: %s\n", p->notes[i]);
}

static void print_json(const struct planner_plan *p, long long applied)
{
	fputs("{\"planner\": ", stdout);
	output_json_string(stdout, p->planner);
	fputs(", \"changes\": [", stdout);
	for (size_t i = 0; i < p->n; i++) {
		const struct planner_change *c = &p->v[i];
		printf("%s\n {\"op\": \"%s\", \"kind\": ", i ? "," : "", op_names[c->op]);
		output_json_string(stdout, c->kind->plural);
		printf(", \"id\": %lld, \"what\": ", c->id);
		output_json_string(stdout, c->what ? c->what : "");
		fputs(", \"values\": {", stdout);
		bool first = true;
		for (size_t f = 0; c->values && f < c->kind->nfields; f++) {
			if (!c->values[f])
				continue;
			fputs(first ? "" : ", ", stdout);
			first = false;
			output_json_string(stdout, c->kind->fields[f].name);
			fputs(": ", stdout);
			output_json_string(stdout, c->values[f]);
		}
		fputs("}}", stdout);
	}
	printf("],\n \"summary\": {\"add\": %lld, \"change\": %lld, \"remove\": %lld",
	       planner_count(p, PLANNER_ADD), planner_count(p, PLANNER_CHANGE),
	       planner_count(p, PLANNER_REMOVE));
	if (p->has_bound) {
		printf(", \"value\": %.2f, \"bound\": %.2f, \"gap\": %.4f, \"measure\": ",
		       p->value, p->bound, planner_gap(p));
		output_json_string(stdout, p->measure);
	}
	fputs("},\n \"shortfalls\": [", stdout);
	for (size_t i = 0; i < p->nshort; i++) {
		fputs(i ? ", " : "", stdout);
		output_json_string(stdout, p->shortfalls[i]);
	}
	fputs("],\n \"notes\": [", stdout);
	for (size_t i = 0; i < p->nnotes; i++) {
		fputs(i ? ", " : "", stdout);
		output_json_string(stdout, p->notes[i]);
	}
	if (applied)
		printf("],\n \"applied\": %lld}\n", applied);
	else
		fputs("],\n \"applied\": null}\n", stdout);
}

int plan_print(const struct cli *cli, const struct planner_plan *p,
               enum output_format format, long long applied)
{
	if (format == OUTPUT_JSON) {
		print_json(p, applied);
		return EXIT_OK;
	}
	if (format == OUTPUT_TABLE) {
		/* The sentence is the point: never cut it, as a table column is. */
		for (size_t i = 0; i < p->n; i++) {
			const struct planner_change *c = &p->v[i];
			char id[32] = "";
			if (c->op != PLANNER_ADD)
				snprintf(id, sizeof id, "#%lld", c->id);
			cli_print(stdout, "%-6s  %-10s  %-7s  %s\n", op_names[c->op],
			          c->kind->singular, id, c->what ? c->what : "");
		}
	} else {
		static const char *const cols[] = {"op", "kind", "record", "what"};
		struct output *out = output_begin(stdout, format, cols, 4);
		for (size_t i = 0; i < p->n; i++) {
			const struct planner_change *c = &p->v[i];
			char id[32] = "";
			if (c->op != PLANNER_ADD)
				snprintf(id, sizeof id, "%lld", c->id);
			const char *row[] = {op_names[c->op], c->kind->singular, id,
			                     c->what};
			output_row(out, row, NULL);
		}
		if (output_end(out))
			return cli_error(cli, EXIT_REFUSED, "cannot write the plan");
	}
	/* People read the summary; scripts reading TSV or CSV get it apart. */
	FILE *summary = format == OUTPUT_TABLE ? stdout : stderr;
	if (format == OUTPUT_TABLE && p->n)
		putchar('\n');
	print_summary(summary, p);
	if (applied)
		fprintf(summary,
		        "applied as plan %lld (`summit plan undo` puts it back)\n",
		        applied);
	else if (p->n)
		fprintf(summary, "nothing written: --apply writes this plan\n");
	return EXIT_OK;
}
