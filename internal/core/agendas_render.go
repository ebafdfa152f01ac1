package core

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"time"

	"passerelle/internal/agenda"
	"passerelle/internal/domain"
	"passerelle/internal/store"
)

var msgNoMeetingsToExport = domain.Msg{
	EN: "this agenda has no meetings yet: there is no calendar to download",
	FR: "cet agenda n'a pas encore de rendez-vous : il n'y a pas de calendrier à télécharger",
	DE: "dieser Terminplan enthält noch keine Termine: es gibt keinen Kalender zum Herunterladen",
	NL: "deze agenda heeft nog geen afspraken: er is geen agenda om te downloaden",
}

// kindRole names an organisation kind as a role in a meeting.
func kindRole(k domain.OrganisationKind) domain.Msg {
	switch k {
	case domain.OrgSSESupplier:
		return domain.Msg{EN: "SSE supplier", FR: "Fournisseur de l’ESS", DE: "Anbieter der Sozialwirtschaft", NL: "Leverancier uit de sociale economie"}
	case domain.OrgPublicBuyer:
		return domain.Msg{EN: "Public buyer", FR: "Acheteur public", DE: "Öffentlicher Auftraggeber", NL: "Publieke inkoper"}
	case domain.OrgPrivateBuyer:
		return domain.Msg{EN: "Private buyer", FR: "Acheteur privé", DE: "Privater Auftraggeber", NL: "Private inkoper"}
	}
	return domain.Msg{EN: "Network", FR: "Réseau", DE: "Netzwerk", NL: "Netwerk"}
}

// agendaDocument turns a delegate's agenda into what package agenda
// renders, in lang.
func (s *Meetings) agendaDocument(v AgendaView, lang domain.Language) agenda.Agenda {
	ev := v.Event
	doc := agenda.Agenda{
		Event: agenda.Event{ID: ev.ID, Name: ev.Name, Venue: ev.Venue, Address: ev.Address, TimeZone: ev.TimeZone,
			URL: s.link("/events/" + ev.ID)},
		Delegate: agenda.Party{Organisation: v.Delegate.OrganisationName, Delegate: v.Delegate.Name, Country: v.Delegate.Country,
			Role: kindRole(v.Delegate.OrganisationKind).With()[lang]},
		Lang: string(lang), Final: ev.AgendaState == "final", Version: ev.AgendaVersion, Generated: s.now().UTC().Truncate(time.Second),
	}
	for _, m := range v.Meetings {
		doc.Meetings = append(doc.Meetings, agenda.Meeting{ID: m.Meeting.ID, Start: m.Meeting.Start, End: m.Meeting.End, Table: m.Meeting.Table,
			Locked: m.Meeting.Locked, Other: agenda.Party{Organisation: m.Other.OrganisationName, Delegate: m.Other.Name, Country: m.Other.Country,
				Role: kindRole(m.Other.Kind).With()[lang]}})
	}
	return doc
}

// AgendaFile is a downloadable agenda.
type AgendaFile struct {
	Name string // a readable file name
	Body []byte
}

var unsafeFileChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// fileName makes a readable ASCII file name of parts.
func fileName(ext string, parts ...string) string {
	var b []string
	for _, p := range parts {
		if p = strings.Trim(unsafeFileChars.ReplaceAllString(p, "-"), "-"); p != "" {
			b = append(b, p)
		}
	}
	name := strings.Join(b, "_")
	if len(name) > 120 {
		name = name[:120]
	}
	if name == "" {
		name = "agenda"
	}
	return name + "." + ext
}

// AgendaICS returns a delegate's agenda as an iCalendar file (who may see
// it: Agenda); 409 while it has no meetings.
func (s *Meetings) AgendaICS(ctx context.Context, p domain.Principal, eventID, delegateID string, lang domain.Language) (AgendaFile, error) {
	v, err := s.Agenda(ctx, p, eventID, delegateID)
	if err != nil {
		return AgendaFile{}, err
	}
	body, err := agenda.ICS(s.agendaDocument(v, lang))
	if errors.Is(err, agenda.ErrNoMeetings) {
		return AgendaFile{}, msgNoMeetingsToExport.Wrap(domain.ErrConflict)
	}
	if err != nil {
		return AgendaFile{}, err
	}
	return AgendaFile{Name: fileName("ics", v.Event.Name, v.Delegate.Name), Body: body}, nil
}

// AgendaPDF returns a delegate's agenda as a printable PDF (who may see
// it: Agenda).
func (s *Meetings) AgendaPDF(ctx context.Context, p domain.Principal, eventID, delegateID string, lang domain.Language) (AgendaFile, error) {
	v, err := s.Agenda(ctx, p, eventID, delegateID)
	if err != nil {
		return AgendaFile{}, err
	}
	var buf bytes.Buffer
	if err := agenda.PDF(&buf, s.agendaDocument(v, lang)); err != nil {
		return AgendaFile{}, err
	}
	return AgendaFile{Name: fileName("pdf", v.Event.Name, v.Delegate.Name), Body: buf.Bytes()}, nil
}

// TablePlanPDF writes an event's table plan, every slot, as a PDF
// (organisers).
func (s *Meetings) TablePlanPDF(ctx context.Context, p domain.Principal, eventID string, lang domain.Language) (AgendaFile, error) {
	plan, err := s.TablePlan(ctx, p, eventID, nil)
	if err != nil {
		return AgendaFile{}, err
	}
	ev, err := s.st.ConventionEvent(ctx, eventID)
	if err != nil {
		return AgendaFile{}, err
	}
	doc := agenda.Event{ID: ev.ID, Name: ev.Name, Venue: ev.Venue, Address: ev.Address, TimeZone: ev.TimeZone, URL: s.link("/events/" + ev.ID)}
	party := func(mp store.MeetingParty) agenda.Party {
		return agenda.Party{Organisation: mp.OrganisationName, Delegate: mp.Name, Country: mp.Country, Role: kindRole(mp.Kind).With()[lang]}
	}
	generated := s.now().UTC().Truncate(time.Second)
	plans := make([]agenda.TablePlan, 0, len(plan))
	for _, ps := range plan {
		tp := agenda.TablePlan{Event: doc, Lang: string(lang), Start: ps.Start, End: ps.End, Generated: generated}
		for _, v := range ps.Rows {
			tp.Rows = append(tp.Rows, agenda.TableRow{Table: v.Meeting.Table, A: party(v.A), B: party(v.B)})
		}
		plans = append(plans, tp)
	}
	var buf bytes.Buffer
	if err := agenda.TablePlanPDF(&buf, plans); err != nil {
		return AgendaFile{}, err
	}
	return AgendaFile{Name: fileName("pdf", ev.Name, "tables"), Body: buf.Bytes()}, nil
}
