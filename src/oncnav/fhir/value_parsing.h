#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "oncnav/fhir/fhir_value.h"
#include "oncnav/fhir/import_context.h"
#include "oncnav/model/pathology.h"

// Turns the value forms real systems send (coded answers, "2+", "85%", quantities) into
// oncnav values. Each reader warns (naming the resource and value element) and returns
// nullopt when the value cannot be used, so callers only handle the success path.
namespace oncnav::fhir {

// "3000", "2.5" -> number; anything else nullopt.
std::optional<double> ParseNumber(std::string_view text);
// Short human form of a number for messages: 3000, 2.5, 0.001.
std::string FormatNumber(double value);

// The answer concept of a coded or text value ("positive", "ihc_2", "present", ...).
std::string_view AnswerOf(const FhirValue& value, const CodeMap& codes);

// Positive / negative / equivocal from a coded answer, a string or a boolean.
std::optional<Presence> ReadPresence(const FhirValue& value, ImportContext& ctx);
// A percentage 0-100 from a Quantity in %, an integer, a ratio or a string such as "85%".
std::optional<double> ReadPercent(const FhirValue& value, ImportContext& ctx);
// A number in the canonical unit of quantity `spec_id` (codes.json "units"), checked against
// its plausible range. Unitless forms (integer, string) are accepted when `unitless_ok`.
std::optional<double> ReadQuantity(const FhirValue& value, std::string_view spec_id,
                                   ImportContext& ctx, bool unitless_ok);
// HER2 IHC score from LOINC answers, "0"/"1+"/"2+"/"3+" text or the numbers 0-3.
std::optional<Her2Ihc> ReadIhcScore(const FhirValue& value, const CodeMap& codes);

// "<value> is not understood as <what>; not used" for a value form a reader cannot handle.
// `what_key` names the expected form (texts: fhir.what.*); `params` are the params it uses.
void WarnValueForm(const FhirValue& value, ImportContext& ctx, std::string_view what_key,
                   Texts::Params params = {});

}  // namespace oncnav::fhir
