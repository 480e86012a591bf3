# Idiom seen in: KreutzM/owli-detector-train-keras src/owli_train/training/keras_detector.py
# What it reproduces: the dataclass configuration of the Owli street-object detector trainer, read from a
#   YAML file; the checked-in defaults set weight_decay (the repository's default is None and the
#   experiment YAMLs set it).
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass
class ModelConfig:
    arch: str = "retinanet"
    backbone: str | None = "resnet18_tiny"
    input_size: int = 640
    num_classes: int | None = None
    bounding_box_format: str = "xywh"


@dataclass
class TrainConfig:
    seed: int = 1337
    batch_size: int = 8
    epochs: int = 50
    lr: float = 3e-4
    weight_decay: float | None = 0.004
    val_frac: float = 0.1


@dataclass
class TrainDetectConfig:
    model: ModelConfig = field(default_factory=ModelConfig)
    train: TrainConfig = field(default_factory=TrainConfig)
    work_dir: Path = Path("work")


def load_train_detect_config(path: str | Path | None) -> TrainDetectConfig:
    if path is None:
        return TrainDetectConfig()
    raw: dict[str, Any] = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    model = ModelConfig(**raw.get("model", {}))
    train = TrainConfig(**raw.get("train", {}))
    return TrainDetectConfig(model=model, train=train, work_dir=Path(raw.get("work_dir", "work")))
