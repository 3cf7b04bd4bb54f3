package bot

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"

	"github.com/mattermost/mattermost/server/public/model"
)

// apiError is a failed Mattermost call, safe to log: it holds the status
// and Mattermost's error id and message, never a URL or token.
type apiError struct {
	Status int    // 0 when no answer came back
	ID     string // Mattermost's error id, e.g. "api.context.permissions.app_error"
	Msg    string
}

func (e *apiError) Error() string {
	if e.Status == 0 {
		return "mattermost unreachable: " + e.Msg
	}
	return fmt.Sprintf("mattermost answered %d %s: %s", e.Status, e.ID, e.Msg)
}

// describe turns a Client4 error into an *apiError. Network errors carry
// the request URL (*url.Error); only the operation and cause are kept.
func describe(resp *model.Response, err error) error {
	if err == nil {
		return nil
	}
	e := &apiError{}
	if resp != nil {
		e.Status = resp.StatusCode
	}
	var ae *model.AppError
	var ue *url.Error
	switch {
	case errors.As(err, &ae):
		if e.Status == 0 {
			e.Status = ae.StatusCode
		}
		e.ID, e.Msg = ae.Id, ae.Message
		if ae.Id == "model.client.connecting.app_error" { // transport failure
			e.Status, e.Msg = 0, "connection failed"
		}
	case errors.As(err, &ue):
		e.Status, e.Msg = 0, ue.Op+": "+redactCause(ue.Err)
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		e.Status, e.Msg = 0, err.Error()
	default:
		e.Msg = redactCause(err)
	}
	return e
}

func redactCause(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Op + ": " + redactCause(ue.Err)
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "timeout"
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		return oe.Op + ": " + oe.Err.Error()
	}
	return err.Error()
}

// retryable reports whether a failed call may succeed later without a
// change on our side: no answer at all, 408, 429 or a 5xx.
func retryable(err error) bool {
	var e *apiError
	if !errors.As(err, &e) {
		return true // unknown failures are retried, never dropped
	}
	switch {
	case e.Status == 0, e.Status == http.StatusRequestTimeout, e.Status == http.StatusTooManyRequests:
		return true
	case e.Status >= 500:
		return true
	}
	return false
}

func status(err error) int {
	var e *apiError
	if errors.As(err, &e) {
		return e.Status
	}
	return 0
}
