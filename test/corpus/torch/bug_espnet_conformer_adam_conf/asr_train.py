# Idiom seen in: espnet/espnet espnet2/tasks/abs_task.py (the task's argparse parser and its --config YAML)
# What it reproduces: the entry point: argparse defaults (ESPnet's own default optimizer is adadelta with an
#   empty optim_conf), then the YAML recipe given by --config overrides them before ASRTask.main runs.
# label-note: no findings here; see asr_task.py (the recipe switches the optimizer to adam with decay).
import argparse

import yaml

from asr_task import ASRTask


def get_parser():
    parser = argparse.ArgumentParser(description="ASR training (conformer, CTC)")
    parser.add_argument("--config", type=str, default="conf/train_asr_conformer.yaml")
    parser.add_argument("--input_size", type=int, default=80)
    parser.add_argument("--vocab_size", type=int, default=5000)
    parser.add_argument("--encoder", type=str, default="conformer")
    parser.add_argument("--encoder_conf", type=dict, default=dict())
    parser.add_argument("--model_conf", type=dict, default=dict())
    parser.add_argument("--optim", type=str, default="adadelta")
    parser.add_argument("--optim_conf", type=dict, default=dict())
    parser.add_argument("--scheduler", type=str, default=None)
    parser.add_argument("--scheduler_conf", type=dict, default=dict())
    parser.add_argument("--max_epoch", type=int, default=40)
    parser.add_argument("--accum_grad", type=int, default=1)
    parser.add_argument("--grad_clip", type=float, default=5.0)
    return parser


def main(cmd=None):
    parser = get_parser()
    args, _ = parser.parse_known_args(cmd)
    if args.config is not None:
        with open(args.config, "r", encoding="utf-8") as f:
            config = yaml.safe_load(f)
        parser.set_defaults(**config)
    args = parser.parse_args(cmd)
    ASRTask.main(args)


if __name__ == "__main__":
    main()
