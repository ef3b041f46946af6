#include <string.h>

#include "cli.h"

const struct verb *const verbs[] = {
    &verb_init,   &verb_load,   &verb_add,    &verb_set,     &verb_remove, &verb_show,
    &verb_list,   &verb_import, &verb_export, &verb_publish, &verb_invitation,
    &verb_accreditation, &verb_checkin, &verb_report, &verb_print,
    &verb_status, &verb_check,  &verb_order,  &verb_plan, &verb_arrival, &verb_help,   &verb_version, NULL,
};

const struct verb *verb_find(const char *name)
{
	for (const struct verb *const *v = verbs; *v; v++)
		if (strcmp((*v)->name, name) == 0)
			return *v;
	return NULL;
}
