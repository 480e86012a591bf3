# Idiom seen in: mpskex/Convolutional-Pose-Machine-tf train/trainCPM.py
# What it reproduces: the module-level training script for COCO keypoints, with the data generator from a
#   dataset package the folder does not hold.
import dataset.datagen_coco as datagen  # COCO keypoint generator, not in this folder
from cpm import CPM

in_size = 368
base_lr = 4e-4
batch_size = 16

dataset = datagen.DataGenerator(img_dir='/var/data/COCO2017',
                                COCO_anno_file='/var/data/COCO2017/annotations/person_keypoints_train2017.json',
                                in_size=in_size)
dataset.generateSet(rand=True)

model = CPM(base_lr=base_lr, joints=dataset.joints_list, in_size=in_size, batch_size=batch_size,
            epoch=150, dataset=dataset, log_dir='model/CPM_with_COCO_l2norm')
model.BuildModel()
model.train()
