# Idiom seen in: CorentinJ/Real-Time-Voice-Cloning encoder/train.py
# Idiom seen in: CorentinJ/Real-Time-Voice-Cloning encoder/params_model.py
# What it reproduces: realistic addition to the repo's loop (the repo had no decay): an L2 penalty
#   guarded by `if l2_weight_decay:`, but params_model sets l2_weight_decay = 0.0 and nothing else
#   sets it, so the decay code never runs (WD303 at the guard).
from pathlib import Path

import torch

from encoder.data_objects import SpeakerVerificationDataLoader, SpeakerVerificationDataset
from encoder.model import SpeakerEncoder
from encoder.params_model import *


def train(run_id: str, clean_data_root: Path, models_dir: Path, save_every: int, force_restart: bool):
    dataset = SpeakerVerificationDataset(clean_data_root)
    loader = SpeakerVerificationDataLoader(dataset, speakers_per_batch, utterances_per_speaker,
                                           num_workers=8)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    loss_device = torch.device("cpu")

    model = SpeakerEncoder(device, loss_device)
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate_init)
    init_step = 1
    state_fpath = models_dir.joinpath(run_id + ".pt")
    if not force_restart and state_fpath.exists():
        checkpoint = torch.load(state_fpath)
        init_step = checkpoint["step"]
        model.load_state_dict(checkpoint["model_state"])
        optimizer.load_state_dict(checkpoint["optimizer_state"])
        optimizer.param_groups[0]["lr"] = learning_rate_init
    model.train()

    for step, speaker_batch in enumerate(loader, init_step):
        inputs = torch.from_numpy(speaker_batch.data).to(device)
        embeds = model(inputs)
        embeds_loss = embeds.view((speakers_per_batch, utterances_per_speaker, -1)).to(loss_device)
        loss, eer = model.loss(embeds_loss)
        if l2_weight_decay:  # expect: WD303
            l2 = sum(p.pow(2).sum() for name, p in model.named_parameters() if name.endswith("weight"))
            loss = loss + l2_weight_decay / 2 * l2.to(loss_device)

        model.zero_grad()
        loss.backward()
        model.do_gradient_ops()
        optimizer.step()

        if step % 100 == 0:
            print("step %d: loss %.4f  eer %.4f" % (step, loss.item(), eer))
        if save_every != 0 and step % save_every == 0:
            torch.save({
                "step": step + 1,
                "model_state": model.state_dict(),
                "optimizer_state": optimizer.state_dict(),
            }, state_fpath)


if __name__ == "__main__":
    train("pretrained", Path("datasets/SV2TTS/encoder"), Path("saved_models"), save_every=500,
          force_restart=False)
