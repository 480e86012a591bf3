# Idiom seen in: MIC-DKFZ/nnUNet nnunetv2/training/nnUNetTrainer/variants/optimizer/nnUNetTrainerAdam.py (trainer
#   classes chosen by name on the command line: `nnUNetv2_train DATASET 3d_fullres FOLD -tr nnUNetTrainerAdam`)
# What it reproduces: the run script: plans and dataset.json read from the preprocessed folder, the trainer class
#   looked up by its name in a registry of the imported trainer modules, then run_training().
# label-note: no findings here; see nnunet_trainer.py and nnunet_trainer_adam.py.
import argparse
import json
import os

import torch

import nnunet_trainer
import nnunet_trainer_adam

TRAINERS = {name: obj for module in (nnunet_trainer, nnunet_trainer_adam)
            for name, obj in vars(module).items() if name.startswith("nnUNetTrainer")}


def run_training(dataset_dir: str, configuration: str, fold: int, trainer_name: str = "nnUNetTrainer"):
    with open(os.path.join(dataset_dir, "nnUNetPlans.json")) as f:
        plans = json.load(f)
    with open(os.path.join(dataset_dir, "dataset.json")) as f:
        dataset_json = json.load(f)
    trainer_class = TRAINERS[trainer_name]
    trainer = trainer_class(plans, configuration, fold, dataset_json, device=torch.device("cuda"))
    trainer.run_training()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("dataset_dir", type=str)
    parser.add_argument("configuration", type=str)
    parser.add_argument("fold", type=int)
    parser.add_argument("-tr", type=str, default="nnUNetTrainer")
    args = parser.parse_args()
    run_training(args.dataset_dir, args.configuration, args.fold, args.tr)
