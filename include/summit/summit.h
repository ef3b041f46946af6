/* Umbrella header of libsummit: system includes and every module. */
#ifndef SUMMIT_SUMMIT_H
#define SUMMIT_SUMMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "summit/accreditation.h"
#include "summit/browse.h"
#include "summit/change.h"
#include "summit/check.h"
#include "summit/cleanup.h"
#include "summit/csvio.h"
#include "summit/db.h"
#include "summit/error.h"
#include "summit/ics.h"
#include "summit/invitation.h"
#include "summit/kind.h"
#include "summit/model.h"
#include "summit/order.h"
#include "summit/pickup.h"
#include "summit/plan.h"
#include "summit/record.h"
#include "summit/report.h"
#include "summit/status.h"
#include "summit/text.h"
#include "summit/when.h"
#include "summit/xalloc.h"

#endif
