# Idiom seen in: openai/improved-diffusion improved_diffusion/train_util.py
# What it reproduces: TrainLoop with microbatch gradient accumulation, DDP no_sync, EMA parameter copies and
# AdamW(master_params, weight_decay=self.weight_decay) where the script's default weight_decay is 0.0: no decay is
# applied in the default run and the loss carries no penalty, so nothing to report.
import argparse
import copy
import functools

import torch as th
import torch.distributed as dist
from torch.nn.parallel.distributed import DistributedDataParallel as DDP
from torch.optim import AdamW

from improved_diffusion import dist_util, logger
from improved_diffusion.image_datasets import load_data
from improved_diffusion.resample import UniformSampler
from improved_diffusion.script_util import create_model_and_diffusion, model_and_diffusion_defaults


def update_ema(target_params, source_params, rate=0.99):
    for targ, src in zip(target_params, source_params):
        targ.detach().mul_(rate).add_(src, alpha=1 - rate)


class TrainLoop:
    def __init__(self, *, model, diffusion, data, batch_size, microbatch, lr, ema_rate, log_interval,
                 weight_decay=0.0, lr_anneal_steps=0):
        self.model = model
        self.diffusion = diffusion
        self.data = data
        self.batch_size = batch_size
        self.microbatch = microbatch if microbatch > 0 else batch_size
        self.lr = lr
        self.ema_rate = [ema_rate] if isinstance(ema_rate, float) else [float(x) for x in ema_rate.split(",")]
        self.log_interval = log_interval
        self.weight_decay = weight_decay
        self.lr_anneal_steps = lr_anneal_steps
        self.step = 0
        self.schedule_sampler = UniformSampler(diffusion)
        self.model_params = list(self.model.parameters())
        self.master_params = self.model_params
        self.opt = AdamW(self.master_params, lr=self.lr, weight_decay=self.weight_decay)
        self.ema_params = [copy.deepcopy(self.master_params) for _ in range(len(self.ema_rate))]
        self.ddp_model = DDP(self.model, device_ids=[dist_util.dev()], output_device=dist_util.dev(),
                             broadcast_buffers=False, bucket_cap_mb=128, find_unused_parameters=False)

    def run_loop(self):
        while not self.lr_anneal_steps or self.step < self.lr_anneal_steps:
            batch, cond = next(self.data)
            self.forward_backward(batch, cond)
            self.optimize_normal()
            if self.step % self.log_interval == 0:
                logger.dumpkvs()
            self.step += 1

    def forward_backward(self, batch, cond):
        for p in self.model_params:
            p.grad = None
        for i in range(0, batch.shape[0], self.microbatch):
            micro = batch[i: i + self.microbatch].to(dist_util.dev())
            micro_cond = {k: v[i: i + self.microbatch].to(dist_util.dev()) for k, v in cond.items()}
            last_batch = (i + self.microbatch) >= batch.shape[0]
            t, weights = self.schedule_sampler.sample(micro.shape[0], dist_util.dev())
            compute_losses = functools.partial(self.diffusion.training_losses, self.ddp_model, micro, t,
                                               model_kwargs=micro_cond)
            if last_batch:
                losses = compute_losses()
            else:
                with self.ddp_model.no_sync():
                    losses = compute_losses()
            loss = (losses["loss"] * weights).mean()
            logger.logkv_mean("loss", loss.item())
            loss.backward()

    def optimize_normal(self):
        if self.lr_anneal_steps:
            lr = self.lr * (1 - self.step / self.lr_anneal_steps)
            for param_group in self.opt.param_groups:
                param_group["lr"] = lr
        self.opt.step()
        for rate, params in zip(self.ema_rate, self.ema_params):
            update_ema(params, self.master_params, rate=rate)


def add_dict_to_argparser(parser, default_dict):
    for k, v in default_dict.items():
        v_type = type(v) if v is not None else str
        parser.add_argument(f"--{k}", default=v, type=v_type)


def create_argparser():
    defaults = dict(data_dir="", lr=1e-4, weight_decay=0.0, lr_anneal_steps=0, batch_size=1, microbatch=-1,
                    ema_rate="0.9999", log_interval=10)
    defaults.update(model_and_diffusion_defaults())
    parser = argparse.ArgumentParser()
    add_dict_to_argparser(parser, defaults)
    return parser


def main():
    args = create_argparser().parse_args()
    dist_util.setup_dist()
    model, diffusion = create_model_and_diffusion(**{k: getattr(args, k) for k in model_and_diffusion_defaults()})
    model.to(dist_util.dev())
    data = load_data(data_dir=args.data_dir, batch_size=args.batch_size, image_size=args.image_size)
    TrainLoop(model=model, diffusion=diffusion, data=data, batch_size=args.batch_size, microbatch=args.microbatch,
              lr=args.lr, ema_rate=args.ema_rate, log_interval=args.log_interval, weight_decay=args.weight_decay,
              lr_anneal_steps=args.lr_anneal_steps).run_loop()
    dist.barrier()


if __name__ == "__main__":
    main()
