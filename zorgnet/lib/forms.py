"""Form helpers shared by every app."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates
from django.template import loader
from django.utils.html import format_html
from django.utils.safestring import mark_safe

# A date field as the browser's date picker; ISO format, which <input type=date> requires.
DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class KeuzeZonderLeeg(forms.Select):
    """A select without an empty option ("choose one of these"): always `required`. Django's
    Select reads the first choice to see whether it is a placeholder, which for a model choice is
    one more query of every option (the 418 partners of the largest buurt)."""

    def use_required_attribute(self, initial) -> bool:
        return forms.Widget.use_required_attribute(self, initial)


def fouten_naar_form(form: forms.BaseForm, fout: ValidationError) -> None:
    """Put a service's ValidationError on the form, so the user sees it next to the field.

    Services validate the model again (full_clean) and may name fields the form does not show;
    those errors go to the top of the form rather than being lost."""
    if hasattr(fout, "error_dict"):
        for veld, lijst in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, lijst)
    else:
        form.add_error(None, fout)


def _attrs(attrs: dict) -> str:
    """HTML attributes as Django's attrs.html writes them (True: bare name; False: left out)."""
    return "".join(
        format_html(" {}", naam) if waarde is True else format_html(' {}="{}"', naam, waarde)
        for naam, waarde in attrs.items()
        if waarde is not False
    )


def _select(widget: dict) -> str:
    """Django's select.html and select_option.html."""
    attrs = mark_safe(_attrs(widget["attrs"]))  # noqa: S308 - escaped by format_html in _attrs
    delen = [format_html('<select name="{}"{}>', widget["name"], attrs)]
    for groep, opties, _index in widget["optgroups"]:
        if groep:
            delen.append(format_html('\n  <optgroup label="{}">', groep))
        for optie in opties:
            delen.append(
                format_html(
                    '\n  <option value="{}"{}>{}</option>',
                    "" if optie["value"] is None else str(optie["value"]),
                    mark_safe(_attrs(optie["attrs"])),  # noqa: S308
                    optie["label"],
                )
            )
        if groep:
            delen.append("\n  </optgroup>")
    delen.append("\n</select>")
    return "".join(delen)


def _keuzelijst(widget: dict) -> str:
    """Django's multiple_input.html with input_option.html (checkbox and radio lists)."""
    id_, klasse = widget["attrs"].get("id"), widget["attrs"].get("class")
    delen = [
        "<div",
        format_html(' id="{}"', id_) if id_ else "",
        format_html(' class="{}"', klasse) if klasse else "",
        ">",
    ]
    for groep, opties, _index in widget["optgroups"]:
        if groep:
            delen.append(format_html("\n  <div><label>{}</label>", groep))
        for optie in opties:
            invoer = format_html(
                '<input type="{}" name="{}"{}{}>',
                optie["type"],
                optie["name"],
                format_html(' value="{}"', str(optie["value"]))
                if optie["value"] is not None
                else "",
                mark_safe(_attrs(optie["attrs"])),  # noqa: S308
            )
            if optie.get("wrap_label"):
                voor = optie["attrs"].get("id")
                invoer = format_html(
                    "<label{}>{} {}</label>",
                    format_html(' for="{}"', voor) if voor else "",
                    invoer,
                    optie["label"],
                )
            delen.append(format_html("<div>\n    {}</div>", invoer))
        if groep:
            delen.append("\n  </div>")
    delen.append("\n</div>")
    return "".join(delen)


class _Python:
    """A widget "template" written in Python: Django's markup without a template per option."""

    def __init__(self, maak):
        self.maak = maak

    def render(self, context=None, request=None) -> str:
        return mark_safe(self.maak(context["widget"]))  # noqa: S308


class Renderer(DjangoTemplates):
    """Django's form renderer, with one error list for every form: components/foutenlijst.html.

    It shows the errors as Django does and, under an identifier error of the privacy check, what
    was found and the redacted text with a button that puts it in the field (static/js/voorstel.js).

    Selects and checkbox and radio lists are written in Python, with Django's markup: Django's
    templates include one template per option (select) or three (checkbox, radio), about 25-100 µs
    each: 4 ms for a filter bar with a partner list, 100 ms for an action form with the 418 partners
    of the largest buurt as possible co-organisers.
    """

    FOUTENLIJSTEN = {"django/forms/errors/list/default.html", "django/forms/errors/list/ul.html"}
    PYTHON = {
        "django/forms/widgets/select.html": _Python(_select),
        "django/forms/widgets/checkbox_select.html": _Python(_keuzelijst),
        "django/forms/widgets/radio.html": _Python(_keuzelijst),
    }

    def get_template(self, template_name):
        if template_name in self.FOUTENLIJSTEN:
            return loader.get_template("components/foutenlijst.html")
        if template_name in self.PYTHON:
            return self.PYTHON[template_name]
        return super().get_template(template_name)
