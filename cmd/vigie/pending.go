package main

import "context"

// Commands whose packages are still being built. Each says so plainly
// rather than pretending; they are replaced as their issues land.
func notYet(name string) func(context.Context, *app, []string) int {
	return func(_ context.Context, a *app, _ []string) int {
		return a.fail("%s is not available in this build yet", name)
	}
}

var ()
