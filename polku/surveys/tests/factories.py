import factory

from polku.surveys.models import FeedbackForm
from polku.testing import factories as f


class FeedbackFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackForm

    activity = factory.SubFactory(f.ActivityFactory)
    title = "Feedback"
    questions = factory.LazyFunction(lambda: ["What was most useful?"])
