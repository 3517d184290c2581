// One rung against the certified reference (internal to audit/): its quantities'
// digits, its checks' verdicts and sides against the reference's, and the problems
// in pipeline order that make the rung insufficient (audit/audit.hpp, RungAudit).
#pragma once

#include "annealcheck/audit/audit.hpp"

namespace annealcheck::audit::detail {

RungAudit audit_one(const RungValues& v, const AuditResult& a);

}  // namespace annealcheck::audit::detail
