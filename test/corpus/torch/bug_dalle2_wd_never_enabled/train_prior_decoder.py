# Idiom seen in: lucidrains/DALLE2-pytorch dalle2_pytorch/trainer.py
# Idiom seen in: lucidrains/DALLE2-pytorch dalle2_pytorch/optimizer.py
# What it reproduces: training entry point driven by a JSON-like config dict; both trainers are built with
# "wd": 0.0, so get_optimizer never reaches its AdamW / no-decay code.
import torch

from dalle2_pytorch import DiffusionPrior, DiffusionPriorNetwork, Decoder, Unet
from dalle2_pytorch.dataloaders import get_reader, make_splits
from trainer import DiffusionPriorTrainer, DecoderTrainer

config = {
    "prior": {"dim": 768, "depth": 12, "dim_head": 64, "heads": 12, "timesteps": 1000},
    "prior_optim": {"lr": 1.1e-4, "wd": 0.0, "eps": 1e-6, "max_grad_norm": 0.5, "use_ema": True},
    "decoder": {"dim": 128, "image_size": 64, "timesteps": 1000},
    "decoder_optim": {"lr": 1.2e-4, "wd": 0.0, "max_grad_norm": 0.5},
    "epochs": 5,
    "amp": True,
}


def main():
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    prior_network = DiffusionPriorNetwork(dim=config["prior"]["dim"], depth=config["prior"]["depth"],
                                          dim_head=config["prior"]["dim_head"], heads=config["prior"]["heads"])
    diffusion_prior = DiffusionPrior(net=prior_network, image_embed_dim=config["prior"]["dim"],
                                     timesteps=config["prior"]["timesteps"], condition_on_text_encodings=False).to(device)
    prior_trainer = DiffusionPriorTrainer(
        diffusion_prior,
        lr=config["prior_optim"]["lr"],
        wd=config["prior_optim"]["wd"],
        eps=config["prior_optim"]["eps"],
        max_grad_norm=config["prior_optim"]["max_grad_norm"],
        use_ema=config["prior_optim"]["use_ema"],
        amp=config["amp"],
    )
    unet = Unet(dim=config["decoder"]["dim"], image_embed_dim=768, cond_dim=128, channels=3, dim_mults=(1, 2, 4, 8))
    decoder = Decoder(unet=unet, image_size=config["decoder"]["image_size"],
                      timesteps=config["decoder"]["timesteps"]).to(device)
    decoder_trainer = DecoderTrainer(decoder, lr=config["decoder_optim"]["lr"], wd=config["decoder_optim"]["wd"],
                                     max_grad_norm=config["decoder_optim"]["max_grad_norm"], amp=config["amp"])

    train_loader, eval_loader = make_splits(get_reader(text_conditioned=False, img_url="embeddings/img_emb"))
    for epoch in range(config["epochs"]):
        for image_embeds, images in train_loader:
            prior_loss = prior_trainer(image_embed=image_embeds.to(device))
            prior_trainer.update()
            decoder_loss = decoder_trainer(images.to(device), unet_number=1)
            print(f"epoch {epoch}: prior {prior_loss:.4f} decoder {decoder_loss:.4f}")


if __name__ == "__main__":
    main()
