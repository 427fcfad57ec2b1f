"""A real round trip: a task goes through the Redis broker to a worker process and writes to the DB."""

import uuid

import pytest

from buurten.models import Hartslag
from buurten.tasks import hartslag
from tests.conftest import wacht_tot


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_task_travels_through_the_broker_to_a_real_worker(celery_worker_proces):
    bron = f"test-{uuid.uuid4().hex[:8]}"
    hartslag.delay(bron)
    assert wacht_tot(lambda: Hartslag.objects.filter(bron=bron).exists(), seconden=30), (
        celery_worker_proces.log.read_text()[-3000:]
    )
