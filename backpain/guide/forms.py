from django import forms
from django.urls import Resolver404, resolve

from backpain.content.models import Feedback


class SearchForm(forms.Form):
    q = forms.CharField(label="Search the guide", max_length=200, required=False,
                        widget=forms.SearchInput(attrs={"autocomplete": "off"}))


class FeedbackForm(forms.Form):
    """"Was this page helpful?": the page, yes or no, and an optional comment. Nothing about the reader."""

    page = forms.CharField(max_length=200, widget=forms.HiddenInput,
                           error_messages={"required": "We can't tell which page this is about."})
    helpful = forms.TypedChoiceField(label="Was this page helpful?", choices=[("yes", "Yes"), ("no", "No")],
                                     coerce=lambda value: value == "yes", widget=forms.RadioSelect,
                                     error_messages={"required": "Choose yes or no."})
    comment = forms.CharField(
        label="What could be better? (optional)", required=False, max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "aria-describedby": "id_comment-hint"}),
        help_text="Up to 500 characters. Please don't write your name or anything about your own health.",
        error_messages={"max_length": "Please keep it to 500 characters (you wrote %(show_value)d)."},
    )
    # A honeypot: hidden from people (and from screen readers and the keyboard), filled in by bots
    # that fill in every field. The view thanks whoever fills it and keeps nothing.
    website = forms.CharField(label="Leave this empty", required=False, max_length=200,
                              widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))

    @property
    def is_trap(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def clean_page(self):
        page = self.cleaned_data["page"]
        try:
            match = resolve(page) if page.startswith("/") else None
        except Resolver404:
            match = None
        if match is None or match.url_name in ("feedback", "preview") or "admin" in match.namespaces:
            raise forms.ValidationError("We can't tell which page this is about.")
        return page

    def clean(self):
        cleaned = super().clean()
        page, comment = cleaned.get("page"), cleaned.get("comment")
        # The same words again about the same page add nothing for the editors (and are what a
        # script repeats); a bare yes or no can be given again.
        if page and comment and Feedback.objects.filter(page=page, comment__iexact=comment).exists():
            self.add_error("comment", "We already have this comment about this page: thank you.")
        return cleaned
