"""Form helpers shared by every app."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates
from django.template import loader

# A date field as the browser's date picker; ISO format, which <input type=date> requires.
DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def fouten_naar_form(form: forms.BaseForm, fout: ValidationError) -> None:
    """Put a service's ValidationError on the form, so the user sees it next to the field.

    Services validate the model again (full_clean) and may name fields the form does not show;
    those errors go to the top of the form rather than being lost."""
    if hasattr(fout, "error_dict"):
        for veld, lijst in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, lijst)
    else:
        form.add_error(None, fout)


class Renderer(DjangoTemplates):
    """Django's form renderer, with one error list for every form: components/foutenlijst.html.

    It shows the errors as Django does and, under an identifier error of the privacy check, what
    was found and the redacted text with a button that puts it in the field (static/js/voorstel.js).
    """

    FOUTENLIJSTEN = {"django/forms/errors/list/default.html", "django/forms/errors/list/ul.html"}
    # Django's select includes one template per option (about 25 µs each: 4 ms for a filter bar
    # with a partner list); the same markup with the options written inline.
    SELECT = "django/forms/widgets/select.html"

    def get_template(self, template_name):
        if template_name in self.FOUTENLIJSTEN:
            return loader.get_template("components/foutenlijst.html")
        if template_name == self.SELECT:
            return loader.get_template("components/select.html")
        return super().get_template(template_name)
