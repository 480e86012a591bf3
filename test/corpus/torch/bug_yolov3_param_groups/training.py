# Idiom seen in: chenjeyok/yolov3_pytorch_ training/training.py
# What it reproduces: YOLOv3 object detection; _get_optimizer(config, net) builds two parameter groups that only
#   differ in lr (the whole backbone, and everything else) and passes ONE global weight_decay, so Darknet's
#   BatchNorm weights/biases and the conv biases of the heads are decayed (WD203); the "adam" branch adds
#   coupled L2 under Adam (WD202). Both as in the repository.
import logging
import os
import time

import torch
import torch.nn as nn
import torch.optim as optim

from nets.model_main import ModelMain
from nets.yolo_loss import YOLOLoss
from common.coco_dataset import COCODataset
from params import TRAINING_PARAMS


def _get_optimizer(config, net):
    base_params = list(map(id, net.backbone.parameters()))
    logits_params = filter(lambda p: id(p) not in base_params, net.parameters())

    if not config["lr"]["freeze_backbone"]:
        params = [
            {"params": logits_params, "lr": config["lr"]["other_lr"]},
            {"params": net.backbone.parameters(), "lr": config["lr"]["backbone_lr"]},
        ]
    else:
        logging.info("freeze backbone's parameters.")
        for p in net.backbone.parameters():
            p.requires_grad = False
        params = [{"params": logits_params, "lr": config["lr"]["other_lr"]}]

    if config["optimizer"]["type"] == "adam":
        optimizer = optim.Adam(params, weight_decay=config["optimizer"]["weight_decay"])  # expect: WD202, WD203
    else:
        logging.info("Using SGD optimizer.")
        optimizer = optim.SGD(params, momentum=0.9,  # expect: WD203
                              weight_decay=config["optimizer"]["weight_decay"],
                              nesterov=(config["optimizer"]["type"] == "nesterov"))
    return optimizer


def train(config):
    config["global_step"] = 0
    net = ModelMain(config, is_training=True)
    net.train(True)

    optimizer = _get_optimizer(config, net)
    lr_scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=config["lr"]["decay_step"],
                                             gamma=config["lr"]["decay_gamma"])
    net = nn.DataParallel(net).cuda()

    yolo_losses = [YOLOLoss(config["yolo"]["anchors"][i], config["yolo"]["classes"],
                            (config["img_w"], config["img_h"])) for i in range(3)]
    dataloader = torch.utils.data.DataLoader(COCODataset(config["train_path"], config["img_h"]),
                                             batch_size=config["batch_size"], shuffle=True,
                                             num_workers=8, pin_memory=True)

    for epoch in range(config["epochs"]):
        for step, (images, labels) in enumerate(dataloader):
            start_time = time.time()
            config["global_step"] += 1
            optimizer.zero_grad()
            outputs = net(images)
            losses_name = ["total_loss", "x", "y", "w", "h", "conf", "cls"]
            losses = [[] for _ in losses_name]
            for i in range(3):
                for j, l in enumerate(yolo_losses[i](outputs[i], labels)):
                    losses[j].append(l)
            losses = [sum(l) for l in losses]
            loss = losses[0]
            loss.backward()
            optimizer.step()
            if step % 10 == 0:
                logging.info("epoch [%.3d] iter = %d loss = %.2f lr = %.5f %.2fs" % (
                    epoch, step, loss.item(), optimizer.param_groups[0]["lr"], time.time() - start_time))
        lr_scheduler.step()
        torch.save(net.state_dict(), os.path.join(config["working_dir"], "model%.2d.pth" % epoch))


def main():
    logging.basicConfig(level=logging.DEBUG, format="[%(asctime)s %(filename)s] %(message)s")
    config = TRAINING_PARAMS
    config["batch_size"] *= len(config["parallels"])
    os.makedirs(config["working_dir"], exist_ok=True)
    os.environ["CUDA_VISIBLE_DEVICES"] = ",".join(map(str, config["parallels"]))
    train(config)


if __name__ == "__main__":
    main()
