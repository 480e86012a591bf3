# Idiom seen in: wenjtop/image_classification classfication/optimizer/optim_factory.py (model built before the factory)
# What it reproduces: a models package exposing a small vision transformer.
from .vit import VisionTransformer


def vit_tiny(num_classes=100):
    return VisionTransformer(img_size=32, patch_size=4, dim=192, depth=6, heads=3, num_classes=num_classes)
