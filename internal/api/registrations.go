package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"passerelle/internal/core"
	"passerelle/internal/domain"
	"passerelle/internal/event"
)

// WindowBody is a stretch of time a delegate is available.
type WindowBody struct {
	StartsAt time.Time `json:"starts_at"`
	EndsAt   time.Time `json:"ends_at"`
}

// DelegateBody is a delegate with their availability and event profile.
type DelegateBody struct {
	ID           string       `json:"id" format:"uuid"`
	Name         string       `json:"name" example:"Claire Martin"`
	Email        string       `json:"email" example:"claire.martin@esat-saulnois.example"`
	JobTitle     string       `json:"job_title" example:"Responsable commerciale"`
	Lang         string       `json:"lang" enum:"fr,de,en,nl" doc:"Language of the delegate's agenda and emails"`
	UserID       string       `json:"user_id,omitempty" format:"uuid" doc:"The member account of the delegate, when linked"`
	Offers       string       `json:"offers" doc:"What the organisation offers (event profile)"`
	Needs        string       `json:"needs" doc:"What the organisation looks for (event profile)"`
	ProfileLang  string       `json:"profile_lang" enum:"fr,de,en,nl" doc:"Language of offers and needs"`
	Sectors      []string     `json:"sectors" doc:"Sector codes (GET /api/v1/sectors)"`
	Availability []WindowBody `json:"availability" doc:"When the delegate can meet; empty: throughout the event"`
}

func delegateBody(d event.Delegate) DelegateBody {
	b := DelegateBody{ID: d.ID, Name: d.Name, Email: d.Email, JobTitle: d.JobTitle, Lang: d.Lang, UserID: d.UserID, Offers: d.Offers,
		Needs: d.Needs, ProfileLang: d.ProfileLang, Sectors: d.Sectors, Availability: make([]WindowBody, len(d.Availability))}
	if b.Sectors == nil {
		b.Sectors = []string{}
	}
	for i, w := range d.Availability {
		b.Availability[i] = WindowBody{StartsAt: w.Start, EndsAt: w.End}
	}
	return b
}

// DelegateInputBody is a delegate as a member gives it.
type DelegateInputBody struct {
	Name         string       `json:"name" maxLength:"200" example:"Claire Martin"`
	Email        string       `json:"email" maxLength:"254" example:"claire.martin@esat-saulnois.example"`
	JobTitle     string       `json:"job_title,omitempty" maxLength:"200"`
	Lang         string       `json:"lang" enum:"fr,de,en,nl"`
	UserID       string       `json:"user_id,omitempty" maxLength:"36" doc:"A member of the organisation, to link their account"`
	Offers       string       `json:"offers,omitempty" maxLength:"2000"`
	Needs        string       `json:"needs,omitempty" maxLength:"2000"`
	ProfileLang  string       `json:"profile_lang,omitempty" enum:"fr,de,en,nl" doc:"Default: lang"`
	Sectors      []string     `json:"sectors,omitempty" maxItems:"20"`
	Availability []WindowBody `json:"availability,omitempty" maxItems:"20" doc:"Empty: available throughout the event"`
}

func (b DelegateInputBody) toDelegate() event.Delegate {
	d := event.Delegate{Name: b.Name, Email: b.Email, JobTitle: b.JobTitle, Lang: b.Lang, UserID: b.UserID, Offers: b.Offers,
		Needs: b.Needs, ProfileLang: b.ProfileLang, Sectors: b.Sectors, Availability: []event.Window{}}
	for _, w := range b.Availability {
		d.Availability = append(d.Availability, event.Window{Start: w.StartsAt, End: w.EndsAt})
	}
	return d
}

func delegateInputBody(d event.Delegate) DelegateInputBody {
	b := DelegateInputBody{Name: d.Name, Email: d.Email, JobTitle: d.JobTitle, Lang: d.Lang, UserID: d.UserID, Offers: d.Offers,
		Needs: d.Needs, ProfileLang: d.ProfileLang, Sectors: d.Sectors, Availability: []WindowBody{}}
	if b.Sectors == nil {
		b.Sectors = []string{}
	}
	for _, w := range d.Availability {
		b.Availability = append(b.Availability, WindowBody{StartsAt: w.Start, EndsAt: w.End})
	}
	return b
}

// RegistrationBody is an organisation's registration at an event.
type RegistrationBody struct {
	ID                    string         `json:"id" format:"uuid"`
	EventID               string         `json:"event_id" format:"uuid"`
	OrganisationID        string         `json:"organisation_id" format:"uuid"`
	OrganisationName      string         `json:"organisation_name"`
	State                 string         `json:"state" enum:"pending_payment,confirmed,cancelled"`
	ParticipationTypeID   string         `json:"participation_type_id" format:"uuid"`
	ParticipationTypeName string         `json:"participation_type_name" doc:"In the caller's language"`
	FeeCents              int64          `json:"fee_cents"`
	Currency              string         `json:"currency"`
	PaidAt                *time.Time     `json:"paid_at"`
	RefundState           *string        `json:"refund_state" enum:"pending,succeeded,failed"`
	CreatedAt             time.Time      `json:"created_at"`
	ConfirmedAt           *time.Time     `json:"confirmed_at"`
	CancelledAt           *time.Time     `json:"cancelled_at"`
	Refundable            bool           `json:"refundable" doc:"Cancelling now would refund the fee (paid, before the cancellation cut-off)"`
	Delegates             []DelegateBody `json:"delegates"`
}

func registrationBody(v core.RegistrationView, lang domain.Language) RegistrationBody {
	r := v.Registration
	b := RegistrationBody{ID: r.ID, EventID: r.EventID, OrganisationID: r.OrganisationID, OrganisationName: r.OrganisationName,
		State: string(r.State), ParticipationTypeID: r.ParticipationTypeID,
		ParticipationTypeName: event.ParticipationType{Names: v.TypeNames}.Name(string(lang)), FeeCents: r.FeeCents,
		Currency: r.Currency, PaidAt: r.PaidAt, CreatedAt: r.CreatedAt, ConfirmedAt: r.ConfirmedAt, CancelledAt: r.CancelledAt,
		Refundable: v.Refundable, Delegates: mapItems(r.Delegates, delegateBody)}
	if r.RefundState != "" {
		s := string(r.RefundState)
		b.RefundState = &s
	}
	return b
}

// RegistrationOutput returns a registration.
type RegistrationOutput struct {
	Body RegistrationBody
}

// RegistrationListOutput is a page of registrations.
type RegistrationListOutput struct {
	Body struct {
		Items      []RegistrationBody `json:"items"`
		NextCursor string             `json:"next_cursor"`
	}
}

// RegisterInput registers the active organisation at an event.
type RegisterInput struct {
	LanguageHeader
	EventID string `path:"eventID" format:"uuid"`
	Body    struct {
		ParticipationTypeID string              `json:"participation_type_id" maxLength:"36" format:"uuid"`
		Delegates           []DelegateInputBody `json:"delegates" minItems:"1" maxItems:"20"`
	}
}

// RegisterOutput is the new registration and, for a paid type, where to pay.
type RegisterOutput struct {
	Body struct {
		Registration RegistrationBody `json:"registration"`
		CheckoutURL  *string          `json:"checkout_url" doc:"Stripe Checkout page to pay a paid type; null when free (confirmed at once)"`
	}
}

// CheckoutOutput is where to pay.
type CheckoutOutput struct {
	Body struct {
		CheckoutURL string `json:"checkout_url"`
	}
}

// PrefillOutput proposes delegates.
type PrefillOutput struct {
	Body struct {
		Delegates []DelegateInputBody `json:"delegates"`
	}
}

// DelegateOutput returns a delegate.
type DelegateOutput struct {
	Body DelegateBody
}

// AddDelegateInput adds a delegate.
type AddDelegateInput struct {
	LanguageHeader
	EventID string `path:"eventID" format:"uuid"`
	Body    DelegateInputBody
}

// UpdateDelegateInput replaces a delegate.
type UpdateDelegateInput struct {
	LanguageHeader
	EventID    string `path:"eventID" format:"uuid"`
	DelegateID string `path:"delegateID" format:"uuid"`
	Body       DelegateInputBody
}

// DelegateInput names a delegate.
type DelegateInput struct {
	LanguageHeader
	EventID    string `path:"eventID" format:"uuid"`
	DelegateID string `path:"delegateID" format:"uuid"`
}

// RegistrationsInput pages through an event's registrations.
type RegistrationsInput struct {
	LanguageHeader
	EventID string `path:"eventID" format:"uuid"`
	State   string `query:"state" enum:"pending_payment,confirmed,cancelled"`
	Cursor  string `query:"cursor" maxLength:"200"`
	Limit   int    `query:"limit" minimum:"0" maximum:"100"`
}

func registerRegistrations(r *routes, s *core.Events) {
	tag := []string{"Events"}
	organiserRule := Rule{Action: domain.ActModerate}
	const member = " For a member of the organisation the caller acts for (another organisation's registration is never seen: 404)."

	handle(r, SignedIn, huma.Operation{OperationID: "register-for-event", Method: http.MethodPost, Path: "/api/v1/events/{eventID}/registrations", Tags: tag,
		Summary: "Register for an event", DefaultStatus: http.StatusCreated,
		Description: "Registers the active organisation as a participation type, with 1 to the type's maximum of delegates. " +
			"A free type is confirmed at once and emailed; a paid one waits in pending_payment until Stripe confirms the payment " +
			"made on checkout_url (503 when payments are not configured). 409 when registration is closed, when the organisation " +
			"already has a live registration, or when the type is not for its kind." + member},
		func(ctx context.Context, in *RegisterInput) (*RegisterOutput, error) {
			ds := make([]event.Delegate, len(in.Body.Delegates))
			for i, d := range in.Body.Delegates {
				ds[i] = d.toDelegate()
			}
			v, url, err := s.Register(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID, in.Body.ParticipationTypeID, ds)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &RegisterOutput{}
			out.Body.Registration = registrationBody(v, requestLanguage(ctx, in.AcceptLanguage))
			if url != "" {
				out.Body.CheckoutURL = &url
			}
			return out, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "get-my-registration", Method: http.MethodGet, Path: "/api/v1/events/{eventID}/registration", Tags: tag,
		Summary:     "Read my organisation's registration",
		Description: "The live registration, else the latest cancelled one; 404 when none." + member},
		func(ctx context.Context, in *EventInput) (*RegistrationOutput, error) {
			v, err := s.MyRegistration(ctx, authFrom(ctx).principal, in.EventID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &RegistrationOutput{Body: registrationBody(v, requestLanguage(ctx, in.AcceptLanguage))}, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "prefill-registration", Method: http.MethodGet, Path: "/api/v1/events/{eventID}/registration/prefill", Tags: tag,
		Summary: "Propose delegates from the marketplace profile",
		Description: "The caller as a delegate, with the organisation's published offers as offers, its published tenders as needs, " +
			"and its offers' sectors, to edit before registering." + member},
		func(ctx context.Context, in *EventInput) (*PrefillOutput, error) {
			ds, err := s.Prefill(ctx, authFrom(ctx).principal, in.EventID)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &PrefillOutput{}
			out.Body.Delegates = mapItems(ds, delegateInputBody)
			return out, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "new-registration-checkout", Method: http.MethodPost, Path: "/api/v1/events/{eventID}/registration/checkout", Tags: tag,
		Summary:     "Pay a pending registration",
		Description: "A new Stripe Checkout page for a registration waiting for its payment (the previous one expired or was left); 409 otherwise." + member},
		func(ctx context.Context, in *EventInput) (*CheckoutOutput, error) {
			url, err := s.NewCheckout(ctx, authFrom(ctx).principal, in.EventID)
			if err != nil {
				return nil, toHTTP(err)
			}
			out := &CheckoutOutput{}
			out.Body.CheckoutURL = url
			return out, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "cancel-my-registration", Method: http.MethodPost, Path: "/api/v1/events/{eventID}/registration/cancel", Tags: tag,
		Summary: "Cancel my organisation's registration",
		Description: "Before the event's cancellation cut-off a paid registration is refunded (refund_state pending, then succeeded " +
			"or failed); after it, it is cancelled without refund. The registrant is emailed." + member},
		func(ctx context.Context, in *EventInput) (*RegistrationOutput, error) {
			v, err := s.CancelRegistration(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID)
			if err != nil {
				return nil, toHTTP(err)
			}
			return &RegistrationOutput{Body: registrationBody(v, requestLanguage(ctx, in.AcceptLanguage))}, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "add-delegate", Method: http.MethodPost, Path: "/api/v1/events/{eventID}/registration/delegates", Tags: tag,
		Summary: "Add a delegate", DefaultStatus: http.StatusCreated,
		Description: "Up to the participation type's maximum (409 beyond)." + member},
		func(ctx context.Context, in *AddDelegateInput) (*DelegateOutput, error) {
			d, err := s.AddDelegate(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID, in.Body.toDelegate())
			if err != nil {
				return nil, toHTTP(err)
			}
			return &DelegateOutput{Body: delegateBody(d)}, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "update-delegate", Method: http.MethodPut, Path: "/api/v1/events/{eventID}/registration/delegates/{delegateID}", Tags: tag,
		Summary:     "Replace a delegate",
		Description: "Their fields, event profile and availability." + member},
		func(ctx context.Context, in *UpdateDelegateInput) (*DelegateOutput, error) {
			d, err := s.UpdateDelegate(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID, in.DelegateID, in.Body.toDelegate())
			if err != nil {
				return nil, toHTTP(err)
			}
			return &DelegateOutput{Body: delegateBody(d)}, nil
		})

	handle(r, SignedIn, huma.Operation{OperationID: "remove-delegate", Method: http.MethodDelete, Path: "/api/v1/events/{eventID}/registration/delegates/{delegateID}", Tags: tag,
		Summary: "Remove a delegate", DefaultStatus: http.StatusNoContent,
		Description: "Their meeting requests and meetings go with them. 409 for the last delegate, and for one with meetings once " +
			"the final agenda is sent (problem type /problems/event-locked)." + member},
		func(ctx context.Context, in *DelegateInput) (*struct{}, error) {
			if err := s.RemoveDelegate(ctx, actorFrom(ctx), authFrom(ctx).principal, in.EventID, in.DelegateID); err != nil {
				return nil, toHTTP(err)
			}
			return nil, nil
		})

	handle(r, organiserRule, huma.Operation{OperationID: "list-event-registrations", Method: http.MethodGet, Path: "/api/v1/events/{eventID}/registrations", Tags: tag,
		Summary:     "List an event's registrations",
		Description: "Organisers: every registration with its delegates (emails included), oldest first, in a state when asked."},
		func(ctx context.Context, in *RegistrationsInput) (*RegistrationListOutput, error) {
			page, next, err := s.Registrations(ctx, authFrom(ctx).principal, in.EventID, event.RegistrationState(in.State), in.Cursor, in.Limit)
			if err != nil {
				return nil, toHTTP(err)
			}
			lang := requestLanguage(ctx, in.AcceptLanguage)
			out := &RegistrationListOutput{}
			out.Body.Items = make([]RegistrationBody, len(page))
			for i, v := range page {
				out.Body.Items[i] = registrationBody(v, lang)
			}
			out.Body.NextCursor = next
			return out, nil
		})
}
