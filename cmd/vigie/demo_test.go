package main

import (
	"strings"
	"testing"
)

// TestDemoScript runs `vigie demo --script` in-process: the fictional
// scenario loads, lookups find the warned man under Latin, Arabic and
// Cyrillic spellings, the path runs through the shared phone, and the live
// feed raises the watch alert and the critical rule alert for the road
// check — and none for the innocent namesake.
func TestDemoScript(t *testing.T) {
	c := newCLI(t)
	c.env["VIGIE_RULES_DIR"] = "../../rules/starter/rules.d"
	code, out, errs := c.run("", "demo", "--script", "--every", "20ms")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"Yanis DARKAOUI — S-", "under partner warning", "shared-phone", "family (cousin)",
		"[CRITICAL] Rule stop-of-warned-person on Yanis DARKAOUI", "[HIGH] New data on Yanis DARKAOUI",
		"police-stops/ps-9102", "New data on Anton Vesnin", "border-crossings/bc-3320",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	if strings.Contains(out, "ALERT in case channel (thread S-5)") || strings.Count(out, "police-stops/ps-9177") > 1 {
		t.Errorf("the innocent namesake raised an alert:\n%s", out)
	}
}
