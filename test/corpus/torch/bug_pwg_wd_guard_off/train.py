# Idiom seen in: kan-bayashi/ParallelWaveGAN parallel_wavegan/bin/train.py
# What it reproduces: the GAN vocoder training script: generator and discriminator optimizers come from
# build_optimizer(model, type, **config[...optimizer_params]) with weight_decay 0.0 in both blocks.
import argparse
import logging

import torch

from config import config
from optimizers import build_optimizer
from parallel_wavegan.losses import MultiResolutionSTFTLoss  # not part of this workspace
from parallel_wavegan import models as pwg_models  # not part of this workspace
from parallel_wavegan.datasets import AudioMelDataset, Collater  # not part of this workspace


def main():
    parser = argparse.ArgumentParser(description="Train Parallel WaveGAN.")
    parser.add_argument("--train-dumpdir", type=str, required=True)
    parser.add_argument("--outdir", type=str, required=True)
    args = parser.parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    generator_class = getattr(pwg_models, config.get("generator_type", "ParallelWaveGANGenerator"))
    discriminator_class = getattr(pwg_models, config.get("discriminator_type", "ParallelWaveGANDiscriminator"))
    model = {
        "generator": generator_class(**config["generator_params"]).to(device),
        "discriminator": discriminator_class(**config["discriminator_params"]).to(device),
    }
    criterion = {"stft": MultiResolutionSTFTLoss(**config["stft_loss_params"]).to(device),
                 "mse": torch.nn.MSELoss().to(device)}
    optimizer = {
        "generator": build_optimizer(
            model["generator"], config["generator_optimizer_type"],
            **config["generator_optimizer_params"],
        ),
        "discriminator": build_optimizer(
            model["discriminator"], config["discriminator_optimizer_type"],
            **config["discriminator_optimizer_params"],
        ),
    }
    scheduler = {
        "generator": torch.optim.lr_scheduler.StepLR(optimizer["generator"], **config["generator_scheduler_params"]),
        "discriminator": torch.optim.lr_scheduler.StepLR(optimizer["discriminator"],
                                                         **config["discriminator_scheduler_params"]),
    }

    dataset = AudioMelDataset(root_dir=args.train_dumpdir)
    loader = torch.utils.data.DataLoader(dataset, batch_size=config["batch_size"], shuffle=True,
                                         collate_fn=Collater(batch_max_steps=config["batch_max_steps"],
                                                             hop_size=config["hop_size"]))
    steps = 0
    while steps < config["train_max_steps"]:
        for x, y in loader:
            x = tuple(t.to(device) for t in x)
            y = y.to(device)
            y_ = model["generator"](*x)
            sc_loss, mag_loss = criterion["stft"](y_.squeeze(1), y.squeeze(1))
            gen_loss = sc_loss + mag_loss
            if steps > config["discriminator_train_start_steps"]:
                p_ = model["discriminator"](y_)
                gen_loss = gen_loss + config["lambda_adv"] * criterion["mse"](p_, p_.new_ones(p_.size()))
            optimizer["generator"].zero_grad()
            gen_loss.backward()
            torch.nn.utils.clip_grad_norm_(model["generator"].parameters(), config["generator_grad_norm"])
            optimizer["generator"].step()
            scheduler["generator"].step()

            if steps > config["discriminator_train_start_steps"]:
                p = model["discriminator"](y)
                p_ = model["discriminator"](y_.detach())
                dis_loss = criterion["mse"](p, p.new_ones(p.size())) + criterion["mse"](p_, p_.new_zeros(p_.size()))
                optimizer["discriminator"].zero_grad()
                dis_loss.backward()
                torch.nn.utils.clip_grad_norm_(model["discriminator"].parameters(), config["discriminator_grad_norm"])
                optimizer["discriminator"].step()
                scheduler["discriminator"].step()
            steps += 1
            if steps % 1000 == 0:
                logging.info(f"(Steps: {steps}) generator loss = {gen_loss.item():.4f}")
    torch.save({k: m.state_dict() for k, m in model.items()}, f"{args.outdir}/checkpoint-{steps}steps.pkl")


if __name__ == "__main__":
    main()
