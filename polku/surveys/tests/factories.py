import factory

from polku.surveys.models import FeedbackForm
from polku.testing import factories as f
from polku.testing.factories import ModelFactory


class FeedbackFormFactory(ModelFactory[FeedbackForm]):
    class Meta:
        model = FeedbackForm

    activity = factory.SubFactory(f.ActivityFactory)
    title = "Feedback"
    questions = factory.LazyFunction(lambda: ["What was most useful?"])


def privacy_data(participation, *, text: str = "Amina"):
    """A feedback answer of `participation` with free text."""
    from polku.surveys.models import FeedbackResponse

    form = FeedbackFormFactory(
        activity=f.ActivityFactory(partner=participation.partner),
        questions=["What was most useful?", "What should change?"],
    )
    return FeedbackResponse.objects.create(
        form=form, participation=participation, satisfaction=4, answers=[f"{text} answer", ""]
    )
