"""API of a plan's parts: its items (add, change – completing one records the completion –, remove),
milestones and comments; the same access as the plan itself."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedRequest
from polku.core.api import validated_input
from polku.core.errors import ApplicationError
from polku.learning import selectors
from polku.learning.api.common import TAGS
from polku.learning.api.plans import CommentSerializer, MilestoneSerializer, PlanItemSerializer
from polku.learning.models import Milestone, Plan, PlanItem
from polku.learning.services.plans import (
    comment_add,
    item_add,
    item_remove,
    item_update,
    milestone_delete,
    milestone_save,
)


class ItemInputSerializer(serializers.Serializer):
    opportunity = serializers.IntegerField(required=False, allow_null=True, default=None)
    text = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class ItemUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=PlanItem.Status.choices, required=False)
    order = serializers.IntegerField(min_value=0, required=False)
    text = serializers.CharField(max_length=300, required=False, allow_blank=True)
    completed_on = serializers.DateField(required=False)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True)


class MilestoneInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    due_on = serializers.DateField(required=False, allow_null=True)
    status = serializers.ChoiceField(choices=Milestone.Status.choices, required=False)
    item = serializers.IntegerField(required=False, allow_null=True)


class CommentInputSerializer(serializers.Serializer):
    text = serializers.CharField()


class ItemListApi(APIView):
    @extend_schema(
        operation_id="learning_item_create",
        tags=TAGS,
        request=ItemInputSerializer,
        responses={201: PlanItemSerializer},
        description="Add an opportunity of the catalogue, or a free-text item, to the plan.",
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        plan = selectors.plan_get(access=access, pk=pk, audit=False)
        data = validated_input(ItemInputSerializer, request)
        opportunity = None
        if data["opportunity"] is not None:
            opportunity = selectors.opportunity_get(access=access, pk=data["opportunity"])
        item = item_add(
            access=access, actor=request.user, plan=plan, opportunity=opportunity, text=data["text"]
        )
        return Response(PlanItemSerializer(item).data, status=status.HTTP_201_CREATED)


def _item(request: AuthenticatedRequest, pk: int) -> tuple[Access, PlanItem]:
    access = access_for(request.user)
    item = get_object_or_404(PlanItem.objects.select_related("plan__person", "opportunity"), pk=pk)
    selectors.plan_get(access=access, pk=item.plan_id, audit=False)
    return access, item


class ItemDetailApi(APIView):
    @extend_schema(
        operation_id="learning_item_update",
        tags=TAGS,
        request=ItemUpdateSerializer,
        responses=PlanItemSerializer,
        description="Change status (enrolled, completed – which records the completion –, dropped), order or text.",
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, item = _item(request, pk)
        data = validated_input(ItemUpdateSerializer, request)
        item = item_update(access=access, actor=request.user, item=item, data=data)
        return Response(PlanItemSerializer(item).data)

    @extend_schema(operation_id="learning_item_delete", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, item = _item(request, pk)
        item_remove(access=access, actor=request.user, item=item)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _milestone_data(plan: Plan, data: dict[str, Any]) -> dict[str, Any]:
    if data.get("item"):
        item = plan.items.filter(pk=data["item"]).first()
        if item is None:
            raise ApplicationError(
                gettext("The item is not part of this plan."),
                field_errors={"item": [gettext("Choose an item of this plan.")]},
            )
        data["item"] = item
    elif "item" in data:
        data["item"] = None
    return data


class MilestoneListApi(APIView):
    @extend_schema(
        operation_id="learning_milestone_create",
        tags=TAGS,
        request=MilestoneInputSerializer,
        responses={201: MilestoneSerializer},
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        plan = selectors.plan_get(access=access, pk=pk, audit=False)
        data = _milestone_data(plan, validated_input(MilestoneInputSerializer, request))
        milestone = milestone_save(access=access, actor=request.user, plan=plan, data=data)
        return Response(MilestoneSerializer(milestone).data, status=status.HTTP_201_CREATED)


def _milestone(request: AuthenticatedRequest, pk: int) -> tuple[Access, Milestone]:
    access = access_for(request.user)
    milestone = get_object_or_404(Milestone.objects.select_related("plan"), pk=pk)
    selectors.plan_get(access=access, pk=milestone.plan_id, audit=False)
    return access, milestone


class MilestoneDetailApi(APIView):
    @extend_schema(
        operation_id="learning_milestone_update",
        tags=TAGS,
        request=MilestoneInputSerializer,
        responses=MilestoneSerializer,
    )
    def patch(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, milestone = _milestone(request, pk)
        data = _milestone_data(milestone.plan, validated_input(MilestoneInputSerializer, request))
        milestone = milestone_save(
            access=access, actor=request.user, plan=milestone.plan, data=data, milestone=milestone
        )
        return Response(MilestoneSerializer(milestone).data)

    @extend_schema(operation_id="learning_milestone_delete", tags=TAGS, responses={204: None})
    def delete(self, request: AuthenticatedRequest, pk: int) -> Response:
        access, milestone = _milestone(request, pk)
        milestone_delete(access=access, actor=request.user, milestone=milestone)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CommentListApi(APIView):
    @extend_schema(operation_id="learning_comment_list", tags=TAGS, responses=CommentSerializer(many=True))
    def get(self, request: AuthenticatedRequest, pk: int) -> Response:
        plan = selectors.plan_get(access=access_for(request.user), pk=pk, actor=request.user)
        return Response(CommentSerializer(plan.comments.select_related("author"), many=True).data)

    @extend_schema(
        operation_id="learning_comment_create",
        tags=TAGS,
        request=CommentInputSerializer,
        responses={201: CommentSerializer},
        description="Comment on the plan; a coordinator's comment is a review.",
    )
    def post(self, request: AuthenticatedRequest, pk: int) -> Response:
        access = access_for(request.user)
        plan = selectors.plan_get(access=access, pk=pk, audit=False)
        data = validated_input(CommentInputSerializer, request)
        comment = comment_add(access=access, actor=request.user, plan=plan, text=data["text"])
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)
