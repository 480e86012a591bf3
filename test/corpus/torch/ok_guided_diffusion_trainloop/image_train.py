# Idiom seen in: openai/guided-diffusion scripts/image_train.py
# What it reproduces: defaults dict (weight_decay=0.0) turned into argparse flags, handed to TrainLoop.
import argparse

from guided_diffusion.image_datasets import load_data
from guided_diffusion.resample import create_named_schedule_sampler
from guided_diffusion.script_util import create_model_and_diffusion, model_and_diffusion_defaults

from train_util import TrainLoop


def create_argparser():
    defaults = dict(
        data_dir="",
        schedule_sampler="uniform",
        lr=1e-4,
        weight_decay=0.0,
        lr_anneal_steps=0,
        batch_size=1,
        ema_rate="0.9999",
        log_interval=10,
        save_interval=10000,
    )
    defaults.update(model_and_diffusion_defaults())
    parser = argparse.ArgumentParser()
    for k, v in defaults.items():
        parser.add_argument(f"--{k}", default=v, type=type(v) if v is not None else str)
    return parser


def main():
    args = create_argparser().parse_args()
    model, diffusion = create_model_and_diffusion(image_size=64, num_channels=128, num_res_blocks=3)
    model.to("cuda")
    schedule_sampler = create_named_schedule_sampler(args.schedule_sampler, diffusion)
    data = load_data(data_dir=args.data_dir, batch_size=args.batch_size, image_size=64)
    TrainLoop(
        model=model,
        diffusion=diffusion,
        data=data,
        batch_size=args.batch_size,
        lr=args.lr,
        ema_rate=args.ema_rate,
        log_interval=args.log_interval,
        save_interval=args.save_interval,
        schedule_sampler=schedule_sampler,
        weight_decay=args.weight_decay,
        lr_anneal_steps=args.lr_anneal_steps,
    ).run_loop()


if __name__ == "__main__":
    main()
