"""Wagtail page models. (Filled in by the content-model work.)"""
