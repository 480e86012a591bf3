# Idiom seen in: 6b2e62/plant-disease model/model.py
# Idiom seen in: 6b2e62/plant-disease model/efficentnetv2b0.py
# What it reproduces: the driver: build the EfficientNetV2B0 transfer model (frozen backbone, regularized
# head), fit and save it. Clean.
import argparse
from pathlib import Path

from efficientnetv2b0 import EfficientNetV2B0Model

parser = argparse.ArgumentParser()
parser.add_argument("--dataset", type=Path, default=Path("data/resized_dataset"))
parser.add_argument("--output", type=str, default="models/efficientnetv2b0.keras")
args = parser.parse_args()

model = EfficientNetV2B0Model(args.dataset, transfer_learning=True)
history = model.fit()
model.save(args.output)
